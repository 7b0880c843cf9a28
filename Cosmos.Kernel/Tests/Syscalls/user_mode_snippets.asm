; Tiny ring-3 programs for the in-kernel user-mode tests (UserModeTests.cs). Each is position-independent code the
; test copies into a fresh process's page; cosmos_user_snippets lists them, in the order of the UserSnippet enum.
bits 64
section .rodata

; exit(42)
exit42_start:
    mov edi, 42
    mov eax, 60
    syscall
exit42_end:

; Reads address 0: the kernel must end only this process, as killed by SIGSEGV.
null_read_start:
    mov rax, [0]
    ud2
null_read_end:

; write(1, 0x10, 5) and write(1, 0xFFFF800000000000, 5) must both fail with -EFAULT: exits 0 if so, 1 if not.
bad_pointers_start:
    mov edi, 1
    mov esi, 0x10
    mov edx, 5
    mov eax, 1
    syscall
    cmp rax, -14
    jne .failed
    mov edi, 1
    mov rsi, 0xFFFF800000000000
    mov edx, 5
    mov eax, 1
    syscall
    cmp rax, -14
    jne .failed
    xor edi, edi
    jmp .exit
.failed:
    mov edi, 1
.exit:
    mov eax, 60
    syscall
bad_pointers_end:

; Every register but rax, rcx and r11 survives a system call (getpid), rsp included: exits 0 if so, 1 if not.
preserved_registers_start:
    mov rbx, 0x1111111111111111
    mov rdx, 0x2222222222222222
    mov rsi, 0x3333333333333333
    mov rdi, 0x4444444444444444
    mov rbp, 0x5555555555555555
    mov r8, 0x6666666666666666
    mov r9, 0x7777777777777777
    mov r10, 0x8888888888888888
    mov r12, 0x9999999999999999
    mov r13, 0xAAAAAAAAAAAAAAAA
    mov r14, 0xBBBBBBBBBBBBBBBB
    mov r15, 0xCCCCCCCCCCCCCCCC
    mov eax, 39
    syscall
    mov rax, 0x7FFFFFFF0000
    cmp rsp, rax
    jne .failed
    mov rax, 0x1111111111111111
    cmp rbx, rax
    jne .failed
    mov rax, 0x2222222222222222
    cmp rdx, rax
    jne .failed
    mov rax, 0x3333333333333333
    cmp rsi, rax
    jne .failed
    mov rax, 0x4444444444444444
    cmp rdi, rax
    jne .failed
    mov rax, 0x5555555555555555
    cmp rbp, rax
    jne .failed
    mov rax, 0x6666666666666666
    cmp r8, rax
    jne .failed
    mov rax, 0x7777777777777777
    cmp r9, rax
    jne .failed
    mov rax, 0x8888888888888888
    cmp r10, rax
    jne .failed
    mov rax, 0x9999999999999999
    cmp r12, rax
    jne .failed
    mov rax, 0xAAAAAAAAAAAAAAAA
    cmp r13, rax
    jne .failed
    mov rax, 0xBBBBBBBBBBBBBBBB
    cmp r14, rax
    jne .failed
    mov rax, 0xCCCCCCCCCCCCCCCC
    cmp r15, rax
    jne .failed
    xor edi, edi
    jmp .exit
.failed:
    mov edi, 1
.exit:
    mov eax, 60
    syscall
preserved_registers_end:

; Spins until preempted many times, then exits 0: user mode is preemptible and returns where it was.
spin_start:
    mov ecx, 5000000
.loop:
    dec ecx
    jnz .loop
    xor edi, edi
    mov eax, 60
    syscall
spin_end:

; { start, end } per snippet.
align 8
snippets:
    dq exit42_start, exit42_end
    dq null_read_start, null_read_end
    dq bad_pointers_start, bad_pointers_end
    dq preserved_registers_start, preserved_registers_end
    dq spin_start, spin_end

section .text
; ulong* cosmos_user_snippets(): the table above.
global cosmos_user_snippets
cosmos_user_snippets:
    lea rax, [rel snippets]
    ret

section .note.GNU-stack noalloc noexec nowrite progbits
