namespace IESCP.Tests.Infrastructure;

/// <summary>
/// A measurement of a resource target (memory per circuit): it needs a quiet machine, so it runs
/// only when asked for with IESCP_MEASURE=1 and is skipped, saying so, otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MeasurementFactAttribute : FactAttribute
{
    public MeasurementFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("IESCP_MEASURE") != "1")
        {
            Skip = "A measurement: run it on a quiet machine with IESCP_MEASURE=1.";
        }
    }
}
