using CustomerPulseBot.Core.ApiKeys;

namespace CustomerPulseBot.Core.Views;

/// <summary>A new API key with its secret, shown this once and only in an answer the admin alone sees.</summary>
public sealed record ApiKeyCreatedView(ApiKey Key, string Secret) : View
{
    /// <summary>A first call to try, with the host's address left to the reader: chat does not know the address the API is reached at.</summary>
    public string Curl => $"curl -H \"Authorization: Bearer {Secret}\" \"$PULSE_URL/api/v1/themes\"";
}
