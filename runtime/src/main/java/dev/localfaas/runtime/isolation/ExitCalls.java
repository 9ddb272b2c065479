package dev.localfaas.runtime.isolation;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a function's calls to {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} (direct calls,
 * method references and method-handle constants) into calls to {@link ExitErrorClass}, which throws
 * {@code Runtime.ExitError}: in one shared JVM an exit would end the emulator and every other function, where on
 * Lambda it ends one environment and fails the invocation with that error type. Each replacement has the stack
 * effect of the call it replaces, so no frame or stack size changes. Reflective calls ({@code Method.invoke}) are
 * not seen.
 */
final class ExitCalls {

    private static final String SYSTEM = "java/lang/System";
    private static final String RUNTIME = "java/lang/Runtime";
    private static final String STATUS = "(I)V";
    private static final String RECEIVER_AND_STATUS = "(Ljava/lang/Runtime;I)V";

    private ExitCalls() {
    }

    /**
     * The class file with its exit calls rewritten, or the same array when it has none (most classes: a byte search
     * for the method names decides before any parsing). A class file ASM cannot read is returned unchanged.
     */
    static byte[] rewrite(byte[] classFile) {
        if (!namesExitOrHalt(classFile)) {
            return classFile;
        }
        ClassReader reader;
        try {
            reader = new ClassReader(classFile);
        } catch (IllegalArgumentException newerThanAsm) {
            return classFile;
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        Rewriter rewriter = new Rewriter(writer);
        reader.accept(rewriter, 0);
        return rewriter.changed ? writer.toByteArray() : classFile;
    }

    /**
     * Whether the class file holds the UTF-8 constant {@code exit} or {@code halt} (tag 1, length 4, the bytes), which
     * any call to them needs. One pass, no parsing: most classes are ruled out here.
     */
    static boolean namesExitOrHalt(byte[] data) {
        for (int i = 0, last = data.length - 7; i <= last; i++) {
            if (data[i + 2] == 4 && data[i] == 1 && data[i + 1] == 0) {
                byte a = data[i + 3];
                if (a == 'e' && data[i + 4] == 'x' && data[i + 5] == 'i' && data[i + 6] == 't'
                        || a == 'h' && data[i + 4] == 'a' && data[i + 5] == 'l' && data[i + 6] == 't') {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code owner.name desc} is one of the calls that would end the JVM. */
    private static boolean ends(String owner, String name, String desc) {
        return STATUS.equals(desc) && (SYSTEM.equals(owner) && "exit".equals(name)
                || RUNTIME.equals(owner) && ("exit".equals(name) || "halt".equals(name)));
    }

    private static final class Rewriter extends ClassVisitor {
        boolean changed;

        Rewriter(ClassVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, desc, signature, exceptions)) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String d, boolean itf) {
                    if (ends(owner, method, d)) {
                        changed = true;
                        // System.exit(int) stays static; Runtime.exit/halt(int) take their receiver as first argument
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, ExitErrorClass.INTERNAL_NAME, method,
                                SYSTEM.equals(owner) ? STATUS : RECEIVER_AND_STATUS, false);
                    } else {
                        super.visitMethodInsn(opcode, owner, method, d, itf);
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String n, String d, Handle bootstrap, Object... args) {
                    Object[] mapped = args.clone();
                    for (int i = 0; i < mapped.length; i++) {
                        mapped[i] = handle(mapped[i]);
                    }
                    super.visitInvokeDynamicInsn(n, d, bootstrap, mapped);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    super.visitLdcInsn(handle(value));
                }
            };
        }

        /** {@code System::exit}, {@code runtime::halt}: the same rewrite for a method handle. */
        private Object handle(Object value) {
            if (value instanceof Handle h && ends(h.getOwner(), h.getName(), h.getDesc())) {
                changed = true;
                return new Handle(Opcodes.H_INVOKESTATIC, ExitErrorClass.INTERNAL_NAME, h.getName(),
                        SYSTEM.equals(h.getOwner()) ? STATUS : RECEIVER_AND_STATUS, false);
            }
            return value;
        }
    }
}
