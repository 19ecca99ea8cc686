namespace CustomerPulseBot.Core.Commands;

/// <summary>Pure: text in, command out. (Being written: the signature is fixed.)</summary>
public static class CommandParser
{
    public static Command Parse(string text) => throw new NotImplementedException(text);
}
