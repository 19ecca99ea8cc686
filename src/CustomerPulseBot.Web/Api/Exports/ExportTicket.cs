namespace CustomerPulseBot.Web.Api.Exports;

/// <summary>
/// What an export link carries, sealed: whose it is (workspace and person), what it exports (the range and theme, and the
/// file name as the person's time zone spells the days), until when, and a nonce that claims it once.
/// </summary>
internal sealed record ExportTicket(
    Guid Workspace,
    string Person,
    DateTimeOffset? From,
    DateTimeOffset? Until,
    string? Theme,
    string FileName,
    string Nonce,
    DateTimeOffset Expires);
