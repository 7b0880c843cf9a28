; cosmos_system_call(number, a1, a2, a3, a4, a5, a6): the `syscall` instruction behind SystemCalls.cs. The System V
; arguments move one register down into the kernel's convention (rax = number, then rdi, rsi, rdx, r10, r8, r9); the
; sixth comes from the stack. rcx and r11 are destroyed by the instruction, which the System V ABI lets a callee do.
; rax returns the result: a value >= 0 or -errno.
bits 64

section .text
global cosmos_system_call
cosmos_system_call:
    mov rax, rdi
    mov rdi, rsi
    mov rsi, rdx
    mov rdx, rcx
    mov r10, r8
    mov r8, r9
    mov r9, [rsp + 8]
    syscall
    ret

section .note.GNU-stack noalloc noexec nowrite progbits
