using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// A signal whose vector is missing or was computed by another model: the backfill's unit of work. With
/// <paramref name="AutoTag"/> (an untagged signal of a batch, in a workspace that allows auto-tagging), a confident
/// suggestion tags it once its vector is computed, as a capture's reply would have.
/// </summary>
public sealed record PendingVector(WorkspaceId Workspace, Guid SignalId, string Quote, bool AutoTag = false);
