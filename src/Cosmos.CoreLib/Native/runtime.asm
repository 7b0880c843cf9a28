; Runtime helpers that need their own calling conventions, for every image built on Cosmos.CoreLib.
bits 64
default rel

section .text

; RhpByRefAssignRef: copy one object reference from [rsi] to [rdi] and advance both by 8 (like movsq).
; Only rcx may be clobbered besides them. No write barrier needed: the collector does not move or generate.
global RhpByRefAssignRef
RhpByRefAssignRef:
    mov rcx, [rsi]
    mov [rdi], rcx
    add rdi, 8
    add rsi, 8
    ret

; Interface call stub. The caller does `lea r11, [cell]; call [r11]` with the arguments in place. Save every
; argument register, ask the managed resolver (which caches) for the target, restore, and tail-jump to it.
extern RhResolveInterfaceDispatch
global RhpInitialDynamicInterfaceDispatch
RhpInitialDynamicInterfaceDispatch:
    push rdi
    push rsi
    push rdx
    push rcx
    push r8
    push r9
    sub rsp, 8 + 8 * 16                  ; 8 keeps the call 16-byte aligned
    movdqu [rsp + 0x00], xmm0
    movdqu [rsp + 0x10], xmm1
    movdqu [rsp + 0x20], xmm2
    movdqu [rsp + 0x30], xmm3
    movdqu [rsp + 0x40], xmm4
    movdqu [rsp + 0x50], xmm5
    movdqu [rsp + 0x60], xmm6
    movdqu [rsp + 0x70], xmm7
    mov rsi, r11                         ; rdi = this, rsi = dispatch cell
    call RhResolveInterfaceDispatch
    mov r11, rax
    movdqu xmm0, [rsp + 0x00]
    movdqu xmm1, [rsp + 0x10]
    movdqu xmm2, [rsp + 0x20]
    movdqu xmm3, [rsp + 0x30]
    movdqu xmm4, [rsp + 0x40]
    movdqu xmm5, [rsp + 0x50]
    movdqu xmm6, [rsp + 0x60]
    movdqu xmm7, [rsp + 0x70]
    add rsp, 8 + 8 * 16
    pop r9
    pop r8
    pop rcx
    pop rdx
    pop rsi
    pop rdi
    jmp r11

section .data
; Stack-protector cookie that RyuJIT checks in methods using stackalloc. The boot code may re-seed it.
global __security_cookie
align 8
__security_cookie: dq 0x2B992DDFA232A5C3

section .note.GNU-stack noalloc noexec nowrite progbits
