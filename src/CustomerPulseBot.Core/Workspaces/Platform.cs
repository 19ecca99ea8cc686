namespace CustomerPulseBot.Core.Workspaces;

public enum Platform
{
    Slack,
    Teams,
    Playground,
}
