; CPU faults on demand, for the tests that check the kernel reports them (Diagnostics/Testing/DeliberateFault.cs).
; In assembly because C# cannot reach them: the compiler turns x / 0 into a managed exception before any div runs.
bits 64
section .text

global cosmos_fault_divide_error
cosmos_fault_divide_error:
    push rbp
    mov rbp, rsp
    xor ecx, ecx
    mov eax, 1
    xor edx, edx
    div ecx
    pop rbp
    ret

global cosmos_fault_invalid_opcode
cosmos_fault_invalid_opcode:
    push rbp
    mov rbp, rsp
    ud2
    pop rbp
    ret

section .note.GNU-stack noalloc noexec nowrite progbits
