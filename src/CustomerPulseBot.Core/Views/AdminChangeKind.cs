namespace CustomerPulseBot.Core.Views;

public enum AdminChangeKind
{
    Added,
    AlreadyAdded,
    Removed,
    NotAdded,
}
