; ulong cosmos_read_timestamp(): the time-stamp counter, after every earlier instruction (Timestamp.cs).
bits 64

section .text
global cosmos_read_timestamp
cosmos_read_timestamp:
    lfence
    rdtsc
    shl rdx, 32
    or rax, rdx
    ret

section .note.GNU-stack noalloc noexec nowrite progbits
