using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Digests;

/// <summary>Posts a view into a channel, or to a person directly, on one platform; each adapter has one.</summary>
public interface IChatPoster
{
    Platform Platform { get; }

    /// <summary>
    /// False when the destination cannot take posts any more (the app was removed or uninstalled); throws
    /// when the platform failed in a way a later try may get past. Rate limits are waited out, not thrown.
    /// </summary>
    Task<bool> PostAsync(WorkspaceId workspace, ChatDestination destination, View view, CancellationToken ct);
}
