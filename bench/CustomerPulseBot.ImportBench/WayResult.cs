namespace CustomerPulseBot.ImportBench;

/// <summary>One API way's figures: its time, the host's CPU time meanwhile, what the answers said was stored, and what the database holds.</summary>
internal sealed record WayResult(TimeSpan Took, TimeSpan HostCpu, int Answered, StoredSignals Stored);
