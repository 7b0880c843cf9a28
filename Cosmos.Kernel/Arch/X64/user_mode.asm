; Crossing between user mode (ring 3) and the kernel (Arch/X64/UserMode.cs, docs/syscalls.md).
;
; In the kernel the GS base is always the processor's PerCpuRecord; in user mode the user's GS base is live and the
; kernel's waits in IA32_KERNEL_GS_BASE. swapgs exchanges them on every crossing: here for system calls and the first
; entry, in interrupt_stubs.asm for interrupts and exceptions that come from ring 3.
bits 64
section .text

; PerCpuRecord offsets (Arch/X64/PerCpu.cs).
%define PERCPU_KERNEL_STACK_TOP 16
%define PERCPU_USER_STACK 24

USER_DATA equ 0x18 | 3
USER_CODE equ 0x20 | 3
USER_RFLAGS equ 0x202                         ; IF set, everything else clear

extern cosmos_system_call_dispatch

; SYSCALL lands here (IA32_LSTAR) with interrupts off (IA32_FMASK clears IF), rcx = user rip, r11 = user rflags, and
; the user's stack still in rsp. Builds a SystemCallFrame on the thread's kernel stack, runs the C# dispatcher with
; interrupts on (a system call may block or be preempted like any kernel code) and returns with SYSRET.
global cosmos_system_call_entry
cosmos_system_call_entry:
    swapgs
    mov [gs:PERCPU_USER_STACK], rsp
    mov rsp, [gs:PERCPU_KERNEL_STACK_TOP]
    push qword [gs:PERCPU_USER_STACK]         ; the frame, from its last field up: Rsp
    push r11                                  ; Rflags
    push rcx                                  ; Rip
    push rax                                  ; call number; the dispatcher replaces it with the result
    push rdi
    push rsi
    push rdx
    push r10
    push r8
    push r9
    push rbx
    push rbp
    push r12
    push r13
    push r14
    push r15                                  ; 16 words from an aligned top: rsp is 16-byte aligned
    xor ebp, ebp                              ; ends kernel stack traces at the system call
    mov rdi, rsp
    sti
    cld
    call cosmos_system_call_dispatch
    cli
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbp
    pop rbx
    pop r9
    pop r8
    pop r10
    pop rdx
    pop rsi
    pop rdi
    pop rax
    pop rcx
    pop r11
    pop rsp                                   ; the user's stack: nothing kernel-side is touched after this
    swapgs
    o64 sysret

global cosmos_system_call_entry_address
cosmos_system_call_entry_address:
    lea rax, [rel cosmos_system_call_entry]
    ret

; void cosmos_enter_user_mode(ulong rip, ulong rsp, ulong argument0, ulong argument1): leaves the kernel for good on
; this stack, into ring 3 at rip with the given stack, interrupts on, rdi = argument0, rsi = argument1 and every other
; general register zero (docs/syscalls.md: process start, thread_create).
global cosmos_enter_user_mode
cosmos_enter_user_mode:
    cli
    mov r8, rdx                               ; the arguments, kept past the pushes
    mov r9, rcx
    push USER_DATA                            ; ss
    push rsi                                  ; rsp
    push USER_RFLAGS
    push USER_CODE                            ; cs
    push rdi                                  ; rip
    mov rdi, r8
    mov rsi, r9
    xor eax, eax
    xor ebx, ebx
    xor ecx, ecx
    xor edx, edx
    xor ebp, ebp
    xor r8d, r8d
    xor r9d, r9d
    xor r10d, r10d
    xor r11d, r11d
    xor r12d, r12d
    xor r13d, r13d
    xor r14d, r14d
    xor r15d, r15d
    swapgs
    iretq

section .note.GNU-stack noalloc noexec nowrite progbits
