package org.starhash.gateway.engine;

import org.starhash.gateway.menu.MenuFile;
import org.starhash.gateway.services.PaidMo;
import org.starhash.gateway.services.Service;

import java.util.List;
import java.util.Optional;

/** Where the router sends a request: a fixed answer, a menu dialogue, or a service call with what the MO costs. */
sealed interface Route {

    /** An answer that needs no service and no state, such as "unknown code". */
    record Answer(String text) implements Route {
    }

    /**
     * A service call.
     *
     * @param service       the service
     * @param code          the dialled USSD service code, empty for an SMS
     * @param procedure     the dialled string's prefix ({@code *}, {@code #}, {@code *#}, {@code **}, {@code ##}),
     *                      empty for an SMS
     * @param keyword       the keyword an SMS matched, empty for USSD and for a text that matched none
     * @param args          what followed the keyword or code
     * @param chargeService the name charge events of the MO use, empty when the request is free
     * @param chargeCents   the price of one segment of the MO, beyond the package
     */
    record Call(Service service, String code, String procedure, String keyword, List<String> args,
                String chargeService, long chargeCents) implements Route {
        public Call {
            args = List.copyOf(args);
        }

        /** The service as the paid MO calls it, empty when the request is free. */
        public Optional<PaidMo> paid() {
            return chargeService.isEmpty() ? Optional.empty() : Optional.of(new PaidMo(service, chargeService, chargeCents));
        }
    }

    /**
     * A menu dialogue.
     *
     * @param menu  the menu file of the dialled code
     * @param parts what the dialled string chains after the code, walked as answers
     */
    record Menu(MenuFile menu, List<String> parts) implements Route {
        public Menu {
            parts = List.copyOf(parts);
        }
    }
}
