package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.LockedPackage;

import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code Cargo.lock}.
 *
 * @param version     the lockfile format version, 1 to 4 (1 and 2 have no {@code version} key; see
 *                    {@link CargoLockReader} for how they are told apart)
 * @param packages    the {@code [[package]]} entries in file order, all with {@code member == false}
 * @param displayPath the path findings name the lockfile by
 */
public record CargoLock(int version, List<LockedPackage> packages, String displayPath) {
    public CargoLock {
        packages = List.copyOf(packages);
    }

    /** The package with this id, if locked. Linear: meant for tests and one-off look-ups. */
    public Optional<LockedPackage> find(String id) {
        return packages.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
