using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace FailingWell.Web.Host;

/// <summary>
/// Gathers each feature's own access rules (its module's AuthorizePages) for the pages set-up, which as
/// infrastructure may not name a feature. A page no module names needs a member of staff signed in with
/// two factors: the fallback policy (docs/decisions/0097).
/// </summary>
public static class PageAccess
{
    public static void AuthorizePages(PageConventionCollection conventions)
    {
        Features.Account.AccountModule.AuthorizePages(conventions);
        Features.Admin.AdminModule.AuthorizePages(conventions);
        Features.Culture.CultureModule.AuthorizePages(conventions);
        Features.Digests.DigestsModule.AuthorizePages(conventions);
        Features.Errors.ErrorsModule.AuthorizePages(conventions);
        Features.Export.ExportModule.AuthorizePages(conventions);
        Features.Home.HomeModule.AuthorizePages(conventions);
        Features.Import.ImportModule.AuthorizePages(conventions);
        Features.Learning.LearningModule.AuthorizePages(conventions);
        Features.Lfpse.LfpseModule.AuthorizePages(conventions);
        Features.Network.NetworkModule.AuthorizePages(conventions);
        Features.Reporting.ReportingModule.AuthorizePages(conventions);
        Features.SpeakUp.SpeakUpModule.AuthorizePages(conventions);
        Features.Triage.TriageModule.AuthorizePages(conventions);
        Features.Account.Organisation.OrganisationSignInModule.AuthorizePages(conventions);
    }
}
