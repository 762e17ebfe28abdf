using IESCP.Data.AdRequests;
using IESCP.Data.ApiTokens;
using IESCP.Data.Admin;
using IESCP.Data.Campaigns;
using IESCP.Data.Database;
using IESCP.Data.ChatWebhooks;
using IESCP.Data.Exports;
using IESCP.Data.Identity;
using IESCP.Data.Influencers;
using IESCP.Data.JobRuns;
using IESCP.Data.Notifications;
using IESCP.Data.Outbox;
using IESCP.Data.Reminders;
using IESCP.Data.Reports;
using IESCP.Data.Reviews;
using IESCP.Data.Sponsors;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace IESCP.Data;

public sealed class IescpDbContext(DbContextOptions<IescpDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    /// <summary>Now, by the app's clock (a test's own clock under test), in UTC.</summary>
    public DateTime Now => this.GetService<TimeProvider>().GetUtcNow().UtcDateTime;

    public DbSet<Sponsor> Sponsors => Set<Sponsor>();

    public DbSet<Influencer> Influencers => Set<Influencer>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<AdRequest> AdRequests => Set<AdRequest>();

    public DbSet<AdRequestRevision> AdRequestRevisions => Set<AdRequestRevision>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<ProfileViewWeek> ProfileViewWeeks => Set<ProfileViewWeek>();

    public DbSet<ProfileViewDay> ProfileViewDays => Set<ProfileViewDay>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<ChatWebhook> ChatWebhooks => Set<ChatWebhook>();

    public DbSet<Export> Exports => Set<Export>();

    public DbSet<MonthlyReport> MonthlyReports => Set<MonthlyReport>();

    public DbSet<JobRun> JobRuns => Set<JobRun>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(IescpDbContext).Assembly);
    }
}
