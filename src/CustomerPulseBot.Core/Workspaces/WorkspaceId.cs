namespace CustomerPulseBot.Core.Workspaces;

/// <summary>Our own id for one Slack team, Enterprise Grid org or Microsoft 365 tenant.</summary>
public readonly record struct WorkspaceId(Guid Value)
{
    public static WorkspaceId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("N");
}
