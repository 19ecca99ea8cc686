using CustomerPulseBot.Core.ApiKeys;

namespace CustomerPulseBot.Core.Views;

/// <summary>The workspace's API keys that still work, oldest first, without their secrets; days read in <paramref name="Zone"/>.</summary>
public sealed record ApiKeysView(IReadOnlyList<ApiKey> Keys, TimeZoneInfo Zone) : View;
