; Where every thread after a process's first starts (NativeThread.Start passes it to thread_create). The kernel enters
; with rdi = the body (a function taking one ulong), rsi = its argument and rsp at the 16-byte aligned top of the
; thread's new stack; the call leaves the stack as the System V ABI expects on entry. When the body returns, the
; thread ends.
bits 64
default rel

SYS_THREAD_EXIT equ 0x1009

section .text
global cosmos_thread_start, cosmos_thread_start_address
cosmos_thread_start:
    xor ebp, ebp                          ; ends the frame-pointer chain
    mov rax, rdi
    mov rdi, rsi
    call rax
    mov eax, SYS_THREAD_EXIT
    syscall
    ud2                                   ; thread_exit does not return

cosmos_thread_start_address:
    lea rax, [rel cosmos_thread_start]
    ret

section .note.GNU-stack noalloc noexec nowrite progbits
