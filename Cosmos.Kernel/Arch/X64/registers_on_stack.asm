; void cosmos_call_with_registers_on_stack(void (*target)(ulong stackPointer)): calls target with the callee-saved
; registers pushed and the stack pointer below them, so that a conservative scan of the stack from there up sees a
; reference held only in one of them (the caller-saved ones hold nothing live across a call). For the kernel's
; collector, which scans its own stack, and for a processor that stands still while another one scans its stack
; (Memory/KernelHeap.cs, Arch/X64/Smp/WorldStop.cs).
bits 64
section .text

global cosmos_call_with_registers_on_stack
cosmos_call_with_registers_on_stack:
    push rbp
    mov rbp, rsp
    push rbx
    push r12
    push r13
    push r14
    push r15
    mov rax, rdi
    mov rdi, rsp                              ; everything above, saved registers included, is to be scanned
    sub rsp, 8                                ; 16-byte alignment for the call
    call rax
    add rsp, 8
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret

section .note.GNU-stack noalloc noexec nowrite progbits
