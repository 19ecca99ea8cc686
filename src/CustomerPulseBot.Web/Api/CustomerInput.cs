namespace CustomerPulseBot.Web.Api;

/// <summary>
/// A customer as a CRM knows it: the name signals use, other names it goes by, its segment, plan, annual recurring
/// revenue (in the workspace's one currency) and account owner. Fields left out keep what is stored.
/// </summary>
internal sealed record CustomerInput(
    string? Name,
    IReadOnlyList<string>? Aliases = null,
    string? Segment = null,
    string? Plan = null,
    decimal? Arr = null,
    string? Owner = null);
