; Addresses the linker decides (Boot/linker.ld), handed to C# (Boot/KernelImage.cs) as functions: ILC can import
; functions by symbol, not data.
bits 64
section .text

%macro ADDRESS_OF 2            ; ADDRESS_OF function, symbol
global %1
extern %2
%1:
    mov rax, %2
    ret
%endmacro

ADDRESS_OF cosmos_text_start, __text_start
ADDRESS_OF cosmos_rodata_start, __rodata_start
ADDRESS_OF cosmos_data_start, __data_start
ADDRESS_OF cosmos_image_end, __image_link_end
ADDRESS_OF cosmos_boot_stack_guard, __boot_stack_guard
ADDRESS_OF cosmos_boot_stack_top, __boot_stack_top
ADDRESS_OF cosmos_fault_stack_guard, __fault_stack_guard
ADDRESS_OF cosmos_fault_stack_top, __fault_stack_top
ADDRESS_OF cosmos_interrupt_stub_table, cosmos_interrupt_stubs
ADDRESS_OF cosmos_eh_frame_start, __eh_frame_start
ADDRESS_OF cosmos_eh_frame_end, __eh_frame_end

section .note.GNU-stack noalloc noexec nowrite progbits
