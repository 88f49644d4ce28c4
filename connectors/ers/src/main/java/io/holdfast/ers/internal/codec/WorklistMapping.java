package io.holdfast.ers.internal.codec;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.ers.Ubrn;
import io.holdfast.ers.WorklistItem;
import io.holdfast.fhir.FhirJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.ListResource;

/** A008's eRS-FetchWorklist-List-1: each entry's {@code item.reference} ReferralRequest/{ubrn} and its worklist-item extension. */
public final class WorklistMapping {
    private WorklistMapping() {
    }

    public static List<WorklistItem> items(byte[] body) {
        ListResource list = FhirJson.stu3(Integer.MAX_VALUE).parse(body, ListResource.class);
        List<WorklistItem> out = new ArrayList<>();
        for (ListResource.ListEntryComponent entry : list.getEntry()) {
            String ref = entry.getItem().getReference();
            String ubrn = ref == null ? "" : ref.substring(ref.lastIndexOf('/') + 1);
            if (!Ubrn.isValid(ubrn)) {
                throw new HoldfastException(ErrorCode.INVALID_EVENT, "a worklist entry does not reference ReferralRequest/<UBRN>");
            }
            Extension item = entry.getExtension().stream().filter(e -> e.getUrl() != null && e.getUrl().contains("WorkListItem")).findFirst()
                    .orElse(new Extension());
            out.add(new WorklistItem(new Ubrn(ubrn), sub(item, "priority"), sub(item, "specialty"), sub(item, "referralType"),
                    sub(item, "requestContextStatus")));
        }
        return out;
    }

    private static Optional<String> sub(Extension item, String url) {
        return ReferralMapping.extensionCode(item.getExtensionByUrl(url));
    }
}
