using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// The meaning features as the commands use them: each call is safe to make on every capture or question, never
/// throws for the model or the vectors (it logs, and answers as if it knew nothing), and returns within
/// <c>ct</c>.
/// </summary>
public interface IMeaning
{
    /// <summary>
    /// After <paramref name="signal"/> was stored: computes its vector (or, when <paramref name="ct"/> leaves too
    /// little time, queues it), and for an untagged quote suggests a theme from the workspace's tagged quotes, tagging
    /// it by itself when confident and the workspace allows it; finds a recent near-duplicate from the same customer.
    /// </summary>
    Task<CaptureMeaning> AfterCaptureAsync(Workspace workspace, Signal signal, CancellationToken ct);

    /// <summary>Candidate themes among the untagged quotes said in <paramref name="period"/>, largest first.</summary>
    Task<IReadOnlyList<CandidateTheme>> DiscoverAsync(WorkspaceId workspace, DateRange period, CancellationToken ct);

    /// <summary>
    /// The signals closest in meaning to <paramref name="text"/> among those <paramref name="filter"/> allows (its text
    /// words ignored), with their similarity, best first, at most <paramref name="limit"/>: blended with full-text
    /// search by the search command.
    /// </summary>
    Task<IReadOnlyList<(Guid SignalId, float Score)>> SearchAsync(
        WorkspaceId workspace, string text, SignalFilter filter, int limit, CancellationToken ct);
}
