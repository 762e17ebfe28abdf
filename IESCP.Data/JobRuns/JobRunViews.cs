namespace IESCP.Data.JobRuns;

public sealed record JobRunView(long Id, string Job, string Trigger, DateTime StartedAt, DateTime? FinishedAt, TimeSpan Duration,
    JobOutcome Outcome, string? Summary, string? Error);
