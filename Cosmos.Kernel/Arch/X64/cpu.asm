; Privileged instructions the C# side cannot express. System V calling convention: rdi, rsi, rdx = arguments.
; Declared in C# with [RuntimeImport] (Arch/X64/Cpu.cs, Arch/X64/Ports.cs).
bits 64
section .text

global cosmos_outb, cosmos_inb, cosmos_outw
cosmos_outb:
    mov edx, edi
    mov eax, esi
    out dx, al
    ret
cosmos_inb:
    mov edx, edi
    in al, dx
    movzx eax, al
    ret
cosmos_outw:
    mov edx, edi
    mov eax, esi
    out dx, ax
    ret

global cosmos_halt, cosmos_disable_interrupts, cosmos_enable_interrupts, cosmos_disable_interrupts_saving, cosmos_wait_for_interrupt
; A frame of its own, so that the trace of an interrupt that finds a processor halted here (an NMI on a parked
; processor) names its caller.
cosmos_halt:
    push rbp
    mov rbp, rsp
    hlt
    pop rbp
    ret
cosmos_disable_interrupts:
    cli
    ret
cosmos_enable_interrupts:
    sti
    ret
; bool cosmos_disable_interrupts_saving(): whether they were enabled (RFLAGS.IF) before
cosmos_disable_interrupts_saving:
    pushfq
    pop rax
    cli
    shr eax, 9
    and eax, 1
    ret
; Enables interrupts and waits for one: sti holds off interrupts for one more instruction, so none can slip in
; between the two and leave hlt waiting for the next.
cosmos_wait_for_interrupt:
    sti
    hlt
    ret
; A spin-wait hint (Cpu.Pause).
global cosmos_pause
cosmos_pause:
    pause
    ret

global cosmos_read_cr0, cosmos_read_cr2, cosmos_read_cr3, cosmos_read_cr4, cosmos_write_cr3, cosmos_write_cr4, cosmos_invlpg
cosmos_read_cr0:
    mov rax, cr0
    ret
cosmos_read_cr2:
    mov rax, cr2
    ret
cosmos_read_cr3:
    mov rax, cr3
    ret
cosmos_read_cr4:
    mov rax, cr4
    ret
cosmos_write_cr3:
    mov cr3, rdi
    ret
cosmos_write_cr4:
    mov cr4, rdi
    ret
cosmos_invlpg:
    invlpg [rdi]
    ret

; void cosmos_cpuid(uint leaf, uint subleaf, uint* registers): registers[0..3] = eax, ebx, ecx, edx
global cosmos_cpuid
cosmos_cpuid:
    push rbx
    mov r8, rdx
    mov eax, edi
    mov ecx, esi
    cpuid
    mov [r8], eax
    mov [r8 + 4], ebx
    mov [r8 + 8], ecx
    mov [r8 + 12], edx
    pop rbx
    ret

global cosmos_read_msr, cosmos_write_msr, cosmos_read_tsc, cosmos_read_random
cosmos_read_msr:
    mov ecx, edi
    rdmsr
    shl rdx, 32
    or rax, rdx
    ret
cosmos_write_msr:
    mov ecx, edi
    mov eax, esi
    mov rdx, rsi
    shr rdx, 32
    wrmsr
    ret
; The time-stamp counter, serialised against earlier instructions so that a measured stretch really ends here.
cosmos_read_tsc:
    lfence
    rdtsc
    shl rdx, 32
    or rax, rdx
    ret

; bool cosmos_read_random(ulong* value): RDRAND, retried a few times as Intel advises; false if it never delivered.
cosmos_read_random:
    mov ecx, 10
.retry:
    rdrand rax
    jc .delivered
    dec ecx
    jnz .retry
    xor eax, eax
    ret
.delivered:
    mov [rdi], rax
    mov eax, 1
    ret

; void cosmos_load_gdt(DescriptorTablePointer* gdtr, ushort codeSelector, ushort dataSelector)
; Loads the GDT and reloads every segment register; cs through a far return.
global cosmos_load_gdt
cosmos_load_gdt:
    lgdt [rdi]
    mov ds, dx
    mov es, dx
    mov ss, dx
    xor eax, eax
    mov fs, ax
    mov gs, ax
    pop rax                                   ; return address
    push rsi
    push rax
    retfq

global cosmos_load_tss, cosmos_load_idt
cosmos_load_tss:
    ltr di
    ret
cosmos_load_idt:
    lidt [rdi]
    ret

; PerCpuRecord* cosmos_read_gs_self(): the calling processor's per-CPU record (Arch/X64/PerCpu.cs).
global cosmos_read_gs_self
cosmos_read_gs_self:
    mov rax, [gs:0]
    ret

section .note.GNU-stack noalloc noexec nowrite progbits
