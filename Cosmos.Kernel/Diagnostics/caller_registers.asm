; Where a stack trace starts when kernel code panics (Diagnostics/Panic.cs): the registers of the function that calls
; this one, as they are at the call.
bits 64
section .text

; void cosmos_read_caller_registers(ulong* rip, ulong* rsp, ulong* rbp)
; rip is the return address of this call, rsp the caller's once this call has returned.
global cosmos_read_caller_registers
cosmos_read_caller_registers:
    mov rax, [rsp]
    mov [rdi], rax
    lea rax, [rsp + 8]
    mov [rsi], rax
    mov [rdx], rbp
    ret

section .note.GNU-stack noalloc noexec nowrite progbits
