namespace Cosmos.Cli;

public enum Command { Help, Build, Run, Debug, Test, Bench }
