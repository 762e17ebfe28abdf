namespace IESCP.Jobs.Scheduling;

/// <summary>
/// What a run did, in counts, as a job leaves it in its context's Result for the run history.
/// An idle run (nothing to do) of a frequent job is not kept in the history.
/// </summary>
public sealed record JobReport(string Summary, bool Idle = false);
