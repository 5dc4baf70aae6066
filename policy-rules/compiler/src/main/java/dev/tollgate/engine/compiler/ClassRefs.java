package dev.tollgate.engine.compiler;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one class file refers to, read from its constant pool: every class it names, every method
 * and field it calls or reads (including those named by method handles, hence the bootstrap methods
 * of {@code invokedynamic} and the targets of method references), its super class and interfaces.
 * Nothing a class can call escapes its constant pool, so this is what {@link RuleSandbox} checks;
 * reading only the pool (no code walk) keeps the check to well under a millisecond per class.
 */
record ClassRefs(String name, String superName, List<String> interfaces, Set<String> classes, List<Member> members) {

    /** A method or field reference; {@code owner} in internal form ({@code java/lang/System}). */
    record Member(String owner, String name, String descriptor, boolean method) {
        String display() {
            String owner = this.owner.replace('/', '.');
            if (!method) return owner + "." + name;
            String n = name.equals("<init>") ? "new " + owner : owner + "." + name;
            return n + "(" + String.join(", ", parameterTypes(descriptor)) + ")";
        }
    }

    private static final int UTF8 = 1, INTEGER = 3, FLOAT = 4, LONG = 5, DOUBLE = 6, CLASS = 7, STRING = 8,
            FIELDREF = 9, METHODREF = 10, INTERFACE_METHODREF = 11, NAME_AND_TYPE = 12, METHOD_HANDLE = 15,
            METHOD_TYPE = 16, DYNAMIC = 17, INVOKE_DYNAMIC = 18, MODULE = 19, PACKAGE = 20;

    /** @throws IOException when the bytes are not a class file */
    static ClassRefs read(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) throw new IOException("not a class file");
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        int[] tag = new int[count];
        String[] utf = new String[count];
        int[] a = new int[count];
        int[] b = new int[count];
        for (int i = 1; i < count; i++) {
            int t = in.readUnsignedByte();
            tag[i] = t;
            switch (t) {
                case UTF8 -> utf[i] = in.readUTF();
                case INTEGER, FLOAT -> in.readInt();
                case LONG, DOUBLE -> {
                    in.readLong();
                    i++;
                }
                case CLASS, STRING, METHOD_TYPE, MODULE, PACKAGE -> a[i] = in.readUnsignedShort();
                case FIELDREF, METHODREF, INTERFACE_METHODREF, NAME_AND_TYPE, DYNAMIC, INVOKE_DYNAMIC -> {
                    a[i] = in.readUnsignedShort();
                    b[i] = in.readUnsignedShort();
                }
                case METHOD_HANDLE -> {
                    a[i] = in.readUnsignedByte();
                    b[i] = in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + t);
            }
        }
        in.readUnsignedShort();
        String self = className(utf, a, in.readUnsignedShort());
        int superIndex = in.readUnsignedShort();
        String superName = superIndex == 0 ? null : className(utf, a, superIndex);
        int nInterfaces = in.readUnsignedShort();
        List<String> interfaces = new ArrayList<>();
        for (int i = 0; i < nInterfaces; i++) interfaces.add(className(utf, a, in.readUnsignedShort()));

        Set<String> classes = new LinkedHashSet<>();
        // A list, not a set: a class names each member once, and hashing records costs a cold JVM
        // their bootstrap (tens of milliseconds) for nothing.
        List<Member> members = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            switch (tag[i]) {
                case CLASS -> classes.add(utf[a[i]]);
                case FIELDREF, METHODREF, INTERFACE_METHODREF -> {
                    int nt = b[i];
                    members.add(new Member(className(utf, a, a[i]), utf[a[nt]], utf[b[nt]], tag[i] != FIELDREF));
                }
                default -> {
                    // Method handles, dynamic constants and invokedynamic all end in the references above.
                }
            }
        }
        return new ClassRefs(self, superName, List.copyOf(interfaces), classes, List.copyOf(members));
    }

    private static String className(String[] utf, int[] a, int classIndex) {
        return utf[a[classIndex]];
    }

    /** {@code (ILjava/lang/String;)V} → {@code [int, java.lang.String]}. */
    static List<String> parameterTypes(String descriptor) {
        List<String> out = new ArrayList<>();
        int i = descriptor.indexOf('(') + 1;
        while (i > 0 && i < descriptor.length() && descriptor.charAt(i) != ')') {
            int dims = 0;
            while (descriptor.charAt(i) == '[') {
                dims++;
                i++;
            }
            String type;
            char c = descriptor.charAt(i);
            if (c == 'L') {
                int end = descriptor.indexOf(';', i);
                type = descriptor.substring(i + 1, end).replace('/', '.');
                i = end + 1;
            } else {
                type = switch (c) {
                    case 'Z' -> "boolean";
                    case 'B' -> "byte";
                    case 'C' -> "char";
                    case 'S' -> "short";
                    case 'I' -> "int";
                    case 'J' -> "long";
                    case 'F' -> "float";
                    case 'D' -> "double";
                    default -> "?";
                };
                i++;
            }
            out.add(type + "[]".repeat(dims));
        }
        return out;
    }
}
