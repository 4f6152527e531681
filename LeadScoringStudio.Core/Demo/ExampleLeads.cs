using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Demo;

/// <summary>
/// About a dozen leads that read like workshop slides, each a typical case a scoring model must get
/// right (or that the room argues about). Activities are placed relative to <c>asOf</c>.
/// </summary>
public static class ExampleLeads
{
    public static IReadOnlyList<ExampleLead> Create(DateTimeOffset asOf)
    {
        ExampleBuilder Lead(string id, string name, string email, string company) => new(id, asOf, name, email, company);

        return
        [
            Lead("ex-product-leader", "Priya Raman", "priya.raman@helixsoftware.com", "Helix Software")
                .Is(("job_title", "VP Product"), ("seniority", "VP"), ("persona", "buyer"), ("industry", "Software"), ("company_size", 1200), ("country", "US"))
                .Visited(12, "/", "organic").Visited(12, "/product/analytics").Visited(12, "/customers")
                .Visited(5, "/security").Downloaded(5, "whitepaper", "security")
                .Tells("Product leader in a target industry, came from organic search, viewed 3 pages, returned a week later and downloaded the security white paper."),
            Lead("ex-pricing-cfo", "Marcus Weber", "m.weber@granitebank.de", "Granite Bank")
                .Is(("job_title", "CFO"), ("seniority", "C-level"), ("persona", "buyer"), ("industry", "Financial services"), ("company_size", 3400), ("annual_revenue", 900), ("country", "DE"), ("budget_confirmed", true), ("authority", "decision maker"))
                .Visited(3, "/pricing").Visited(2, "/pricing").Visited(1, "/pricing").Filled(0, "contact-sales")
                .Tells("CFO of a 3,400-person bank with budget confirmed; looked at pricing three days running, then filled in the contact-sales form this morning."),
            Lead("ex-demo-request", "Lena Fischer", "lena.fischer@summitretail.com", "Summit Retail")
                .Is(("job_title", "Director of E-commerce"), ("seniority", "Director"), ("persona", "buyer"), ("industry", "E-commerce"), ("company_size", 650), ("country", "GB"))
                .Visited(9, "/product/payments").Downloaded(8, "case_study", "payments").Did(1, "demo_request", ("source", "paid"))
                .Tells("E-commerce director who read a payments case study and requested a demo yesterday."),
            Lead("ex-trial-engineer", "Dev Patel", "dev.patel@orbitlabs.io", "Orbit Labs")
                .Is(("job_title", "Senior Engineer"), ("seniority", "Individual contributor"), ("persona", "user"), ("industry", "Software"), ("company_size", 80), ("country", "IN"))
                .Did(20, "trial_signup").Did(15, "trial_activity", ("feature", "analytics")).Did(9, "trial_activity", ("feature", "analytics")).Did(2, "trial_activity", ("feature", "security"))
                .Tells("Engineer at an 80-person start-up, very active in a free trial but with no buying power: engaged, poor fit."),
            Lead("ex-student", "Zoe Young", "zoe.young@uni.edu", "State University")
                .Is(("job_title", "Student"), ("seniority", "Student"), ("industry", "Education"), ("country", "US"))
                .Downloaded(10, "whitepaper", "analytics").Downloaded(4, "ebook", "analytics").Did(2, "webinar", ("topic", "analytics"))
                .Tells("Student researching a thesis: downloads everything, never buys. Should be disqualified, however keen."),
            Lead("ex-competitor", "Sven Eriksen", "sven@rivalsoft.com", "RivalSoft")
                .Is(("job_title", "Product Marketing Manager"), ("seniority", "Manager"), ("persona", "influencer"), ("industry", "Software"), ("company_size", 400), ("country", "NL"))
                .Visited(6, "/pricing").Visited(6, "/product/payments").Downloaded(5, "whitepaper", "payments")
                .Tells("Product marketer at a competitor checking our pricing and payments pages."),
            Lead("ex-job-seeker", "Quinn Brooks", "quinn.brooks@gmail.com", "")
                .Is(("job_title", "Data Analyst"), ("seniority", "Individual contributor"), ("country", "CA"))
                .Visited(4, "/careers").Visited(3, "/careers").Visited(3, "/about")
                .Tells("Job seeker with a personal e-mail address, visiting the careers page."),
            Lead("ex-gone-cold", "Nora Okafor", "nora.okafor@meridianhealth.com", "Meridian Health")
                .Is(("job_title", "VP Operations"), ("seniority", "VP"), ("persona", "buyer"), ("industry", "Healthcare"), ("company_size", 2500), ("country", "US"), ("authority", "decision maker"))
                .Visited(140, "/pricing").Did(135, "demo_request", ("source", "email")).Downloaded(130, "case_study", "analytics")
                .Tells("Great-fit VP who requested a demo four months ago and has not been seen since: the model should let her go cold."),
            Lead("ex-enterprise-quiet", "Hugo Dubois", "hugo.dubois@northwindgroup.fr", "Northwind Group")
                .Is(("job_title", "CIO"), ("seniority", "C-level"), ("persona", "buyer"), ("industry", "Manufacturing"), ("company_size", 18000), ("annual_revenue", 4200), ("country", "FR"), ("uses_data_warehouse", true), ("crm", "Salesforce"))
                .Clicked(20, "newsletter")
                .Tells("CIO of an 18,000-person manufacturer who only ever clicked one newsletter: perfect fit, no interest yet. Account-based, not a call."),
            Lead("ex-influencer-webinars", "Ines Costa", "ines.costa@brightlinelogistics.com", "Brightline Logistics")
                .Is(("job_title", "Analytics Manager"), ("seniority", "Manager"), ("persona", "influencer"), ("industry", "Retail"), ("company_size", 900), ("country", "GB"))
                .Did(40, "webinar", ("topic", "analytics")).Did(25, "webinar", ("topic", "analytics")).Did(8, "webinar", ("topic", "analytics")).Downloaded(7, "ebook", "analytics").Clicked(3, "product-update")
                .Tells("Analytics manager who influences but does not sign: three analytics webinars and an e-book. Worth nurturing towards her boss."),
            Lead("ex-intent-only", "Omar Haddad", "omar.haddad@keystonepay.com", "Keystone Pay")
                .Is(("job_title", "Head of Payments"), ("seniority", "Director"), ("persona", "buyer"), ("industry", "Financial services"), ("company_size", 300), ("country", "US"))
                .Did(6, "intent_signal", ("topic", "payments"), ("strength", "88"), ("source", "g2")).Did(2, "intent_signal", ("topic", "payments"), ("strength", "92"), ("source", "bombora"))
                .Tells("Head of payments at a fintech we have never met, but third-party intent data says the company is researching payments tools right now."),
            Lead("ex-unsubscribed", "Rosa Lopez", "rosa.lopez@willowfoods.com", "Willow Foods")
                .Is(("job_title", "Marketing Director"), ("seniority", "Director"), ("persona", "buyer"), ("industry", "Retail"), ("company_size", 1500), ("country", "US"), ("unsubscribed", true))
                .Clicked(60, "newsletter").Visited(45, "/pricing")
                .Tells("Marketing director who looked at pricing six weeks ago and then unsubscribed from our e-mails."),
        ];
    }
}
