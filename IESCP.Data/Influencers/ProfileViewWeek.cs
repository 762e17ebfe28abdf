namespace IESCP.Data.Influencers;

/// <summary>How many times sponsors opened an influencer's profile in one week (Monday to Sunday, UTC).</summary>
public sealed class ProfileViewWeek
{
    public int InfluencerId { get; set; }

    public DateOnly WeekStart { get; set; }

    public int Views { get; set; }

    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
