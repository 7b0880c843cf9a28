; Where an application processor starts (docs/smp.md): copied to a page below 1 MiB, it runs there after STARTUP in
; real mode with CS = page >> 4 and IP = 0, climbs 16 -> 32 -> 64-bit with a temporary GDT of its own, and calls the
; C# entry the hand-off block names (Arch/X64/Smp/HandOffBlock.cs: the block's labels below must keep its offsets, as
; a host test checks). Any page will do: every address is the page's base (edi) plus an offset from the start, and
; the boot processor identity maps the page while processors run it.
bits 16
section .rodata

HANDOFF_OFFSET      equ 0xF00
CODE32              equ 0x08
CODE64              equ 0x10
DATA                equ 0x18
EFER                equ 0xC0000080
CPUID_EXTENDED      equ 0x80000001
CPUID_NO_EXECUTE    equ 1 << 20

%define OFFSET(label) ((label) - cosmos_ap_trampoline)

cosmos_ap_trampoline:
    cli
    cld
    mov ax, cs
    mov ds, ax
    movzx edi, ax
    shl edi, 4                                ; edi = the page's physical address
    ; patch the page-relative addresses now: once paging is on, the page is read-only
    lea eax, [edi + OFFSET(gdt)]
    mov [OFFSET(gdt_pointer) + 2], eax
    lea eax, [edi + OFFSET(protected_mode)]
    mov [OFFSET(far_to_32)], eax
    lea eax, [edi + OFFSET(long_mode)]
    mov [OFFSET(far_to_64)], eax
    lgdt [OFFSET(gdt_pointer)]
    mov eax, cr0
    or al, 1                                  ; PE
    mov cr0, eax
    jmp far dword [OFFSET(far_to_32)]

bits 32
protected_mode:
    mov ax, DATA
    mov ds, ax
    mov es, ax
    mov ss, ax
    ; the same switches as the boot processor (Boot/boot.asm, CpuFeatures.Enable)
    mov eax, cr4
    or eax, (1 << 5) | (1 << 9) | (1 << 10)   ; PAE | OSFXSR | OSXMMEXCPT
    mov cr4, eax
    mov eax, [edi + OFFSET(handoff.page_table_root)]
    mov cr3, eax
    mov eax, CPUID_EXTENDED
    cpuid
    mov esi, 1 << 8                           ; LME
    test edx, CPUID_NO_EXECUTE
    jz .no_nx
    or esi, 1 << 11                           ; NXE: without it the kernel's no-execute bits are reserved bits
.no_nx:
    mov ecx, EFER
    rdmsr
    or eax, esi
    wrmsr
    mov eax, cr0
    and eax, ~(1 << 2)                        ; EM off: no x87 emulation
    or eax, (1 << 31) | (1 << 16) | (1 << 1)  ; PG | WP | MP
    mov cr0, eax
    jmp far dword [edi + OFFSET(far_to_64)]

bits 64
long_mode:
    mov ax, DATA
    mov ds, ax
    mov es, ax
    mov ss, ax
    mov edi, edi                              ; zero-extend: upper halves are undefined after the mode switch
    fninit
    mov rsp, [rdi + OFFSET(handoff.stack_top)]
    xor ebp, ebp                              ; ends the frame-pointer chain for stack traces
    mov rax, [rdi + OFFSET(handoff.entry)]
    mov rdi, [rdi + OFFSET(handoff.record)]
    push 0                                    ; as its return address: stack traces end at the entry
    jmp rax                                   ; which never returns

; Each descriptor already marked accessed: loading a segment would otherwise set the bit, a write to a page that is
; read-only once paging is on (Bochs faults on it).
align 8
gdt:
    dq 0
    dq 0x00CF9B000000FFFF                     ; CODE32: flat 32-bit code
    dq 0x00AF9B000000FFFF                     ; CODE64: long mode code
    dq 0x00CF93000000FFFF                     ; DATA
gdt_pointer:
    dw gdt_pointer - gdt - 1
    dd 0                                      ; base patched at run time
far_to_32:
    dd 0                                      ; offset patched at run time
    dw CODE32
far_to_64:
    dd 0
    dw CODE64

    times HANDOFF_OFFSET - ($ - cosmos_ap_trampoline) db 0
handoff:
.page_table_root:   dq 0
.stack_top:         dq 0
.entry:             dq 0
.record:            dq 0
.alive:             dd 0
                    dd 0
cosmos_ap_trampoline_end:

; Where the image lies in the kernel, and the C# entry's address, as functions (ILC imports functions by symbol, not
; data).
section .text
extern cosmos_ap_entry
global cosmos_ap_trampoline_start_address, cosmos_ap_trampoline_end_address, cosmos_ap_entry_address
cosmos_ap_trampoline_start_address:
    lea rax, [rel cosmos_ap_trampoline]
    ret
cosmos_ap_trampoline_end_address:
    lea rax, [rel cosmos_ap_trampoline_end]
    ret
cosmos_ap_entry_address:
    lea rax, [rel cosmos_ap_entry]
    ret

section .note.GNU-stack noalloc noexec nowrite progbits
