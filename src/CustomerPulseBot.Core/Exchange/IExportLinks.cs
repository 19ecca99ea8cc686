using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Exchange;

/// <summary>
/// Download links for a CSV export asked for in chat: signed, for the person who asked, working once and for
/// <see cref="Lifetime"/>. The host makes them; a host without a public address cannot.
/// </summary>
public interface IExportLinks
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>The link, or null when the host has no public address to link to (Api:PublicUrl unset).</summary>
    Uri? Create(ChatContext context, ExportRequest request);
}
