namespace CustomerPulseBot.Core.Customers;

/// <summary>A customer's field names, as the API's JSON, the customers CSV's columns and validation errors spell them.</summary>
public static class CustomerField
{
    public const string Name = "name";
    public const string Aliases = "aliases";
    public const string Segment = "segment";
    public const string Plan = "plan";
    public const string Arr = "arr";
    public const string Owner = "owner";
}
