namespace CustomerPulseBot.Core.Customers;

/// <summary>A customer's alias already names another customer: nothing was saved. <paramref name="Index"/> is the customer's place in the list saved.</summary>
public sealed class CustomerConflictException(int index, string alias, string other)
    : Exception($"\"{alias}\" already names the customer \"{other}\".")
{
    public int Index { get; } = index;

    public string Alias { get; } = alias;
}
