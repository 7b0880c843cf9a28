namespace Cosmos.Kernel.Diagnostics.Unwinding
{
    public enum RegisterRuleKind { Unchanged, Undefined, SavedAtCfaOffset }

    // How to recover one of the caller's registers in a frame (DWARF's register rules, the ones a stack walk follows):
    // it still holds the caller's value, it cannot be recovered (for the return address: there is no caller), or the
    // caller's value was saved in memory at CFA + Offset.
    public readonly struct RegisterRule
    {
        RegisterRule(RegisterRuleKind kind, long offset)
        {
            Kind = kind;
            Offset = offset;
        }

        public static RegisterRule Unchanged => default;
        public static RegisterRule Undefined => new RegisterRule(RegisterRuleKind.Undefined, 0);
        public static RegisterRule SavedAt(long cfaOffset) => new RegisterRule(RegisterRuleKind.SavedAtCfaOffset, cfaOffset);

        public RegisterRuleKind Kind { get; }
        public long Offset { get; }
    }
}
