namespace CustomerPulseBot.Teams;

/// <summary>Ids our cards send back to the bot, shared by the renderer and the dispatcher.</summary>
internal static class TeamsIds
{
    /// <summary>
    /// The capture card's Action.Execute verb. It is also sent as <see cref="ActionKey"/> in the action's
    /// data, so a client that treats Action.Execute as Action.Submit (a message with the data as its value)
    /// still says which button was pressed.
    /// </summary>
    public const string CaptureSignal = "captureSignal";

    public const string ActionKey = "action";

    /// <summary>Data key carrying the permalink of the message a capture started from (message extension).</summary>
    public const string PermalinkKey = "permalink";
}
