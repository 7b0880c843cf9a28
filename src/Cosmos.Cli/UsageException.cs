namespace Cosmos.Cli;

// The command line asks for something that does not exist or cannot be; the message says what, for the user.
public sealed class UsageException(string message) : Exception(message);
