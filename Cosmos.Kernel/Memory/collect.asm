; Starts a garbage collection with the callee-saved registers on the stack, so that a reference held only in one of
; them is seen by the conservative stack scan (the caller-saved ones hold nothing live across a call). The collector
; scans from the stack pointer it is handed up to the stack's top (Memory/KernelHeap.cs).
bits 64
section .text

extern cosmos_collect_garbage
global cosmos_collect_with_registers_on_stack
cosmos_collect_with_registers_on_stack:
    push rbp
    mov rbp, rsp
    push rbx
    push r12
    push r13
    push r14
    push r15
    mov rdi, rsp                          ; everything above, saved registers included, is scanned
    sub rsp, 8                            ; 16-byte alignment for the call
    call cosmos_collect_garbage
    add rsp, 8
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret

section .note.GNU-stack noalloc noexec nowrite progbits
