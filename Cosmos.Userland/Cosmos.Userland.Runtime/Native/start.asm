; Process entry of every user program. The kernel (or Linux) enters _start with the System V start block at rsp:
; argc, argv[0..argc-1], 0, envp..., 0, auxv (docs/syscalls.md "Process start"). Like the kernel's boot code, it sets
; up the runtime (statics, eager static constructors), then the process (heap, arguments, environment), runs the
; program's Main through ILC's __managed__Main and exits with what Main returned.
bits 64
default rel

SYS_EXIT equ 60

extern __modules_start, __modules_end, __early_heap_start, __early_heap_end, __image_start, __image_end
extern cosmos_runtime_initialize, cosmos_process_start, __managed__Main

section .text
global _start
_start:
    xor ebp, ebp                          ; ends the frame-pointer chain
    mov r12, rsp                          ; r12 = the start block; callee-saved across the calls below
    lea rdi, [__modules_start]
    lea rsi, [__modules_end]
    lea rdx, [__early_heap_start]
    lea rcx, [__early_heap_end]
    call cosmos_runtime_initialize
    mov rdi, r12                          ; the start block, also the top of what the collector scans
    lea rsi, [__image_start]              ; where the MethodTables live
    lea rdx, [__image_end]
    call cosmos_process_start
    mov edi, [r12]                        ; argc
    lea rsi, [r12 + 8]                    ; argv
    call __managed__Main
    mov edi, eax
    mov eax, SYS_EXIT
    syscall
    ud2                                   ; exit does not return

section .note.GNU-stack noalloc noexec nowrite progbits
