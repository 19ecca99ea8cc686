namespace CustomerPulseBot.Web.Playground;

/// <summary>
/// The local chat page. Anyone who reaches it can read and write any playground workspace, so it is on
/// by default only in Development.
/// </summary>
public sealed class PlaygroundOptions
{
    public const string Section = "Playground";

    public bool Enabled { get; set; }

    /// <summary>The names that are admins of every playground workspace; none named, everyone is (see <see cref="PlaygroundAdmins"/>).</summary>
    public IReadOnlyList<string> Admins { get; set; } = [];
}
