namespace CustomerPulseBot.Core.Workspaces;

/// <summary>What <c>settings</c> can change in a workspace.</summary>
public enum WorkspaceSetting
{
    TimeZone,
    WeekStart,
    AutoTag,
    Redact,
}
