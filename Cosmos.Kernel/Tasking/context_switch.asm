; Switching threads (Tasking/Scheduler.cs). A switched-out thread's state is all on its own stack: the callee-saved
; registers, then the x87/SSE state (fxsave: RyuJIT keeps C# locals in XMM registers, and a switch that lost them
; would corrupt them); only the stack pointer is kept elsewhere. Interrupts are off across the switch.
bits 64
section .text

; void cosmos_switch_stacks(ulong* savedStackPointer, ulong nextStackPointer)
global cosmos_switch_stacks
cosmos_switch_stacks:
    push rbp
    push rbx
    push r12
    push r13
    push r14
    push r15
    sub rsp, 520                          ; fxsave area (512) + 8 to keep it 16-byte aligned
    fxsave [rsp]
    mov [rdi], rsp
    mov rsp, rsi
    fxrstor [rsp]
    add rsp, 520
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret

; Where a new thread's first switch returns to (its stack is built to look switched-out: Thread.cs). rbp = 0 ends its
; stack traces.
extern cosmos_thread_main
global cosmos_thread_start, cosmos_thread_start_address
cosmos_thread_start:
    xor ebp, ebp
    and rsp, -16
    call cosmos_thread_main               ; never returns
    ud2
cosmos_thread_start_address:
    lea rax, [rel cosmos_thread_start]
    ret

section .note.GNU-stack noalloc noexec nowrite progbits
