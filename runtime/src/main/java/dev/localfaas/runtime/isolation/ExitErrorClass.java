package dev.localfaas.runtime.isolation;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The class a function's rewritten exit calls go to, defined into every function loader: its parent is the platform
 * loader, so no runtime class is visible to it. Its binary name is {@code Runtime.ExitError} (package
 * {@code Runtime}), which makes the invocation's error type Lambda's own for a runtime that exited, with no special
 * case anywhere else. As Java it would read:
 * <pre>
 * package Runtime;
 * public final class ExitError extends Error {
 *     public ExitError(String message) { super(message); }
 *     public static void exit(int status) { throw new ExitError("Runtime exited with error: exit status " + status); }
 *     public static void exit(java.lang.Runtime r, int status) { exit(status); }
 *     public static void halt(java.lang.Runtime r, int status) { exit(status); }
 * }
 * </pre>
 * An {@code Error}, so that handlers catching {@code Exception} do not swallow it and the engine discards the
 * environment, as Lambda does after an exit.
 */
final class ExitErrorClass {

    static final String NAME = "Runtime.ExitError";
    static final String INTERNAL_NAME = "Runtime/ExitError";
    static final String MESSAGE = "Runtime exited with error: exit status ";

    private static final byte[] BYTES = generate();

    private ExitErrorClass() {
    }

    static byte[] bytes() {
        return BYTES.clone();
    }

    private static byte[] generate() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, INTERNAL_NAME, null,
                "java/lang/Error", null);
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(Ljava/lang/String;)V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitVarInsn(Opcodes.ALOAD, 1);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Error", "<init>", "(Ljava/lang/String;)V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor exit = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "exit", "(I)V", null, null);
        exit.visitCode();
        exit.visitTypeInsn(Opcodes.NEW, INTERNAL_NAME);
        exit.visitInsn(Opcodes.DUP);
        exit.visitTypeInsn(Opcodes.NEW, "java/lang/StringBuilder");
        exit.visitInsn(Opcodes.DUP);
        exit.visitLdcInsn(MESSAGE);
        exit.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "(Ljava/lang/String;)V", false);
        exit.visitVarInsn(Opcodes.ILOAD, 0);
        exit.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "append", "(I)Ljava/lang/StringBuilder;",
                false);
        exit.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "toString", "()Ljava/lang/String;", false);
        exit.visitMethodInsn(Opcodes.INVOKESPECIAL, INTERNAL_NAME, "<init>", "(Ljava/lang/String;)V", false);
        exit.visitInsn(Opcodes.ATHROW);
        exit.visitMaxs(0, 0);
        exit.visitEnd();

        for (String name : new String[] {"exit", "halt"}) {
            MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, name, "(Ljava/lang/Runtime;I)V",
                    null, null);
            m.visitCode();
            m.visitVarInsn(Opcodes.ILOAD, 1);
            m.visitMethodInsn(Opcodes.INVOKESTATIC, INTERNAL_NAME, "exit", "(I)V", false);
            m.visitInsn(Opcodes.RETURN);
            m.visitMaxs(0, 0);
            m.visitEnd();
        }
        cw.visitEnd();
        return cw.toByteArray();
    }
}
