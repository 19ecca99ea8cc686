namespace CustomerPulseBot.Core.ApiKeys;

/// <summary>What a key may do: read answers and exports, or also add and delete signals and customers.</summary>
public enum ApiKeyScope
{
    Read,
    Write,
}
