; Interrupt and exception entry. Every vector has a stub that makes the stack look the same (an error code, real or
; zero, then the vector number) and jumps to interrupt_common, which saves the general registers and the SSE state
; and calls the C# dispatcher with a pointer to the saved registers (Arch/X64/InterruptFrame.cs). An interrupt from
; user mode swaps in the kernel's GS base on the way in and back out on the way out (user_mode.asm).
bits 64
section .text

extern cosmos_interrupt_dispatch

; Vectors for which the CPU pushes an error code itself.
%define HAS_ERROR_CODE(v) ((v) == 8 || (v) == 10 || (v) == 11 || (v) == 12 || (v) == 13 || (v) == 14 || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

%assign vector 0
%rep 256
interrupt_stub_ %+ vector:
%if !HAS_ERROR_CODE(vector)
    push qword 0
%endif
    push qword vector
    jmp interrupt_common
%assign vector vector + 1
%endrep

interrupt_common:
    test byte [rsp + 24], 3                   ; the interrupted cs: from ring 3, take the kernel's GS base
    jz .from_kernel
    swapgs
.from_kernel:
    push rax
    push rbx
    push rcx
    push rdx
    push rsi
    push rdi
    push rbp
    push r8
    push r9
    push r10
    push r11
    push r12
    push r13
    push r14
    push r15
    ; The CPU aligned the stack to 16 before pushing its 5 words; with error code, vector and 15 registers the
    ; stack is 16-byte aligned again here, as fxsave and the C# call need.
    sub rsp, 512
    fxsave [rsp]
    lea rdi, [rsp + 512]
    cld
    call cosmos_interrupt_dispatch
    fxrstor [rsp]
    add rsp, 512
    pop r15
    pop r14
    pop r13
    pop r12
    pop r11
    pop r10
    pop r9
    pop r8
    pop rbp
    pop rdi
    pop rsi
    pop rdx
    pop rcx
    pop rbx
    pop rax
    add rsp, 16                               ; vector and error code
    test byte [rsp + 8], 3                    ; back to ring 3: give it back its GS base
    jz .to_kernel
    swapgs
.to_kernel:
    iretq

section .rodata
; Address of each vector's stub, for building the IDT.
global cosmos_interrupt_stubs
align 8
cosmos_interrupt_stubs:
%assign vector 0
%rep 256
    dq interrupt_stub_ %+ vector
%assign vector vector + 1
%endrep

section .note.GNU-stack noalloc noexec nowrite progbits
