; CosmosOS boot stub: multiboot2 entry (32-bit protected mode, paging off) -> long mode -> higher half -> C#.
;
; GRUB may load the kernel at any physical address (relocatable header tag): the stub never assumes where. It reads
; the load base from GRUB's "load base address" tag, builds page tables that map
;   - the kernel image at KERNEL_VMA + LINK_PHYS (4 KiB pages, guard pages left unmapped),
;   - all of the first 4 GiB of physical memory at DIRECT_MAP_BASE (2 MiB pages),
;   - the same 4 GiB at 0 (identity) only until it has jumped to the higher half,
; turns on long mode and SSE (RyuJIT code uses SSE everywhere), and calls the runtime, then the kernel.
; See docs/boot.md.

%include "layout.inc"

MB2_MAGIC           equ 0xE85250D6
MB2_BOOT_MAGIC      equ 0x36D76289
MB2_TAG_LOAD_BASE   equ 21
PTE_PRESENT         equ 1 << 0
PTE_WRITABLE        equ 1 << 1
PDE_LARGE           equ 1 << 7
KERNEL_PT_COUNT     equ 16                ; page tables for the image: 16 x 2 MiB = 32 MiB (linker.ld asserts)

%ifndef LOAD_MIN
%define LOAD_MIN 0x100000                 ; lowest physical address GRUB may load the kernel at
%endif

extern __image_page_count
extern __boot_stack_guard, __boot_stack_top, __fault_stack_guard
extern __modules_start, __modules_end, __early_heap_start, __early_heap_end
extern cosmos_runtime_initialize, cosmos_kernel_main

; ---------------------------------------------------------------------------------------------------------------
section .multiboot2 progbits alloc noexec nowrite align=8
mb2_header:
    dd MB2_MAGIC
    dd 0                                  ; i386 protected mode
    dd mb2_header_end - mb2_header
    dd -(MB2_MAGIC + (mb2_header_end - mb2_header))
    ; relocatable header: load anywhere in [LOAD_MIN, 3 GiB), page aligned, as low as possible
    align 8
    dw 10, 0
    dd 24
    dd LOAD_MIN
    dd 0xC0000000
    dd 0x1000
    dd 1
    align 8
    dw 0, 0                               ; end tag
    dd 8
mb2_header_end:

; ---------------------------------------------------------------------------------------------------------------
; Low (identity) code and data: linked at physical addresses, run before paging. Every address is taken relative to
; ebp = load base - link base, because GRUB may have moved the image.
section .boot.text progbits alloc exec nowrite align=16
bits 32
global _start
_start:
    cli
    cld
    cmp eax, MB2_BOOT_MAGIC
    jne .halt                             ; not loaded by a multiboot2 loader: nothing sensible to report to
    mov esi, ebx                          ; esi = multiboot2 information (physical)

    ; ebp = load delta, from GRUB's load-base tag (absent when GRUB did not relocate: delta 0)
    xor ebp, ebp
    lea ecx, [ebx + 8]
.next_tag:
    mov edx, [ecx]
    test edx, edx
    jz .tags_done
    cmp edx, MB2_TAG_LOAD_BASE
    jne .skip_tag
    mov ebp, [ecx + 8]
    sub ebp, LINK_PHYS
    jmp .tags_done
.skip_tag:
    add ecx, [ecx + 4]
    add ecx, 7
    and ecx, ~7
    jmp .next_tag
.tags_done:
    ; physical address of the boot stack (it lives in the high image)
    mov esp, __boot_stack_top - KERNEL_VMA
    add esp, ebp

    ; --- identity + direct map: pdpt_low[0..3] -> pd_low[0..3], 2048 x 2 MiB pages -------------------------
    lea edi, [pd_low + ebp]
    xor ecx, ecx
.fill_pd_low:
    mov eax, ecx
    shl eax, 21
    or eax, PTE_PRESENT | PTE_WRITABLE | PDE_LARGE
    mov [edi + ecx * 8], eax
    mov eax, ecx
    shr eax, 11                           ; high dword of i * 2 MiB
    mov [edi + ecx * 8 + 4], eax
    inc ecx
    cmp ecx, 2048
    jne .fill_pd_low
    xor ecx, ecx
.fill_pdpt_low:
    mov eax, ecx
    shl eax, 12
    lea eax, [eax + pd_low + ebp + PTE_PRESENT + PTE_WRITABLE]
    mov [pdpt_low + ebp + ecx * 8], eax
    inc ecx
    cmp ecx, 4
    jne .fill_pdpt_low

    ; --- kernel image: pt_kernel[i] = load base + i * 4 KiB, guard pages left not present ---------------
    lea edi, [pt_kernel + ebp]
    xor ecx, ecx                          ; ecx = page index from LINK_PHYS
.fill_pt_kernel:
    mov eax, ecx
    shl eax, 12
    add eax, LINK_PHYS                    ; eax = link-time physical address of the page
    cmp eax, __boot_stack_guard - KERNEL_VMA
    je .guard
    cmp eax, __fault_stack_guard - KERNEL_VMA
    je .guard
    add eax, ebp
    or eax, PTE_PRESENT | PTE_WRITABLE
    mov [edi + ecx * 8], eax
.guard:
    inc ecx
    cmp ecx, __image_page_count
    jb .fill_pt_kernel
    ; pd_high[KERNEL_PD_FIRST + k] -> pt_kernel[k]
    xor ecx, ecx
.fill_pd_high:
    mov eax, ecx
    shl eax, 12
    lea eax, [eax + pt_kernel + ebp + PTE_PRESENT + PTE_WRITABLE]
    mov [pd_high + ebp + (KERNEL_PD_FIRST + ecx) * 8], eax
    inc ecx
    cmp ecx, KERNEL_PT_COUNT
    jne .fill_pd_high
    lea eax, [pd_high + ebp + PTE_PRESENT + PTE_WRITABLE]
    mov [pdpt_high + ebp + KERNEL_PDPT_INDEX * 8], eax

    ; --- PML4: 0 = identity (temporary), DIRECT_MAP_PML4_INDEX = direct map, 511 = kernel ------------------
    lea eax, [pdpt_low + ebp + PTE_PRESENT + PTE_WRITABLE]
    mov [pml4 + ebp], eax
    mov [pml4 + ebp + DIRECT_MAP_PML4_INDEX * 8], eax
    lea eax, [pdpt_high + ebp + PTE_PRESENT + PTE_WRITABLE]
    mov [pml4 + ebp + 511 * 8], eax

    ; --- long mode ---------------------------------------------------------------------------------------
    lea eax, [pml4 + ebp]
    mov cr3, eax
    mov eax, cr4
    or eax, (1 << 5) | (1 << 9) | (1 << 10)   ; PAE | OSFXSR | OSXMMEXCPT
    mov cr4, eax
    mov ecx, 0xC0000080                       ; EFER
    rdmsr
    or eax, 1 << 8                            ; LME
    wrmsr
    mov eax, cr0
    and eax, ~(1 << 2)                        ; EM off: no x87 emulation
    or eax, (1 << 31) | (1 << 16) | (1 << 1) | 1   ; PG | WP | MP | PE
    mov cr0, eax

    lea eax, [gdt64 + ebp]
    mov [gdt64_pointer + ebp + 2], eax
    lgdt [gdt64_pointer + ebp]
    lea eax, [long_mode_low + ebp]
    push dword GDT64_CODE
    push eax
    retf                                      ; far return = far jump to a relocated address
.halt:
    hlt
    jmp .halt

bits 64
long_mode_low:
    mov ax, GDT64_DATA
    mov ds, ax
    mov es, ax
    mov ss, ax
    xor eax, eax
    mov fs, ax
    mov gs, ax
    mov esi, esi                              ; zero-extend: upper halves are undefined after the mode switch
    movsxd rbp, ebp
    mov rax, long_mode_high
    jmp rax

section .boot.data progbits alloc noexec write align=16
gdt64:
    dq 0
    dq 0x00AF9A000000FFFF                     ; 0x08: 64-bit code, DPL 0
    dq 0x00CF92000000FFFF                     ; 0x10: data
gdt64_pointer:
    dw gdt64_pointer - gdt64 - 1
    dq 0                                      ; base patched at run time (relocated)
GDT64_CODE equ 0x08
GDT64_DATA equ 0x10

section .boot.bss nobits alloc noexec write align=4096
pml4:       resb 4096
pdpt_low:   resb 4096
pd_low:     resb 4096 * 4
pdpt_high:  resb 4096
pd_high:    resb 4096
pt_kernel:  resb 4096 * KERNEL_PT_COUNT

; ---------------------------------------------------------------------------------------------------------------
section .text
bits 64
long_mode_high:
    mov rsp, __boot_stack_top
    lea r13, [rbp + LINK_PHYS]                ; r13 = physical load base; callee-saved across the calls below
    xor ebp, ebp                              ; ends the frame-pointer chain for stack traces
    ; the identity map has served its purpose: drop it so that stray low pointers fault
    mov rax, KERNEL_VMA + pml4
    mov qword [rax], 0
    mov rax, cr3
    mov cr3, rax
    fninit
    mov r12, rsi                              ; r12 = multiboot2 information (physical)
    mov rdi, __modules_start
    mov rsi, __modules_end
    mov rdx, __early_heap_start
    mov rcx, __early_heap_end
    call cosmos_runtime_initialize            ; statics blocks, eager static constructors
    mov rdi, r12
    mov rsi, r13
    call cosmos_kernel_main                   ; (multiboot2 info, load base): never returns
.hang:
    cli
    hlt
    jmp .hang

section .note.GNU-stack noalloc noexec nowrite progbits
