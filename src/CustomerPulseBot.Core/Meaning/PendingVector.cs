using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>A signal whose vector is missing or was computed by another model: the backfill's unit of work.</summary>
public sealed record PendingVector(WorkspaceId Workspace, Guid SignalId, string Quote);
